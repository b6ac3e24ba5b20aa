export * from './answers';
export * from './migrations';
export * from './origins';
export * from './records';
export * from './schema';
export * from './settings';
export * from './text';
export * from './undo';
