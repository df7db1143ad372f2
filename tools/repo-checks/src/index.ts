export * from './workspace';
export * from './layers';
