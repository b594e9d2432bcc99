export * from './landscape';
export * from './noise';
export * from './config';
export * from './configSchema';
export * from './validation';
export * from './expandConfig';
export * from './results';
export * from './resultSummary';
