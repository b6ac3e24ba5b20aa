/**
 * What Yjs uses of lib0/logging (a warning or two, and the colour markers it passes to print),
 * printing plainly to the console. lib0's own loggers also style output for a terminal or the
 * DOM, which every page would carry for messages that are almost never printed. vite.config.ts
 * points `lib0/logging` here; the WebRTC stack keeps its own copy of lib0's.
 */
export const BOLD = Symbol();
export const UNBOLD = Symbol();
export const BLUE = Symbol();
export const GREY = Symbol();
export const GREEN = Symbol();
export const RED = Symbol();
export const PURPLE = Symbol();
export const ORANGE = Symbol();
export const UNCOLOR = Symbol();

/** Drops the colour markers. */
const plain = (args: unknown[]) => args.filter((a) => typeof a !== 'symbol');

export const print = (...args: unknown[]): void => console.log(...plain(args));
export const warn = (...args: unknown[]): void => console.warn(...plain(args));
export const printError = (error: Error): void => console.error(error);
