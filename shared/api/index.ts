export * from './contract';
export * from './result';
export * from './views';
export * from './requests';
export * from './client';
