/**
 * Stands in for `isomorphic-webcrypto`, a Web Crypto polyfill fhirclient bundles for old browsers. The app
 * runs only in a secure context (https or loopback), where every supported browser has `crypto.subtle`;
 * fhirclient itself prefers `globalThis.crypto` and only falls back to the polyfill (vite.config.ts).
 */
export default globalThis.crypto;
