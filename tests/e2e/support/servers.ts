/**
 * Fixed addresses of the servers the Playwright run starts (see global-setup.ts). They live in
 * the run's own loopback-only namespace, so they never clash with an `npm start` outside it.
 */
export const HOST = '127.0.0.1';
export const APP_PORT = 4173;
export const SIGNALING_PORT = 4444;
export const BASE_URL = `http://${HOST}:${APP_PORT}`;
export const SIGNALING_URL = `ws://${HOST}:${SIGNALING_PORT}`;
