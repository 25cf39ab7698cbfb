/**
 * The shape of every id the product makes (UUIDs and ids derived from them). On its
 * own, without the database rules, so browser code (the sign-in destination) can use
 * it without pulling the server's error messages and a Buffer polyfill into pages.
 */
export const GENERATED_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
