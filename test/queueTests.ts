/**
 * The runs through a BullMQ queue on a private redis-server (each file starts its own): `npm run
 * test:queue` runs them, `npm test` leaves them out to stay near five minutes on two cores; CI
 * runs both.
 */
export const queueTests = ['test/integration/queue*.test.ts'];
