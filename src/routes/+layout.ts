// Village renders on the device only: the workbook lives in IndexedDB, which a server never sees.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
