export type * from './expr';
export type * from './query';
export type * from './dml';
export type * from './ddl';
export type * from './utility';
export type * from './view';
export type * from './statement';
