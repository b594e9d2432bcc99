export * from './sweepSchema';
export * from './sweepFields';
export * from './expandSweep';
export * from './sweepTheory';
export * from './cellSchedule';
export * from './sweepResult';
export * from './sweepTheory2d';
export * from './clipStepLines';
