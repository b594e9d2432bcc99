/**
 * The long statistical checks (theory against simulation at small η, samplers against an
 * independent reference simulator): `npm run test:stats` runs them, `npm test` leaves them out to
 * stay near five minutes on two cores, and CI runs both.
 */
export const statisticalTests = [
  'test/unit/theory/limitConstantsMonteCarlo.test.ts',
  'test/integration/limitConstants.test.ts',
  'test/unit/engine/familyExitTime.test.ts',
  'test/unit/engine2d/kernelsVsReference.test.ts',
  'test/integration/service2dVsReference.test.ts',
];
