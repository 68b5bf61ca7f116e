/** Node built-ins a bundled package imports only on code paths a worker never takes. */
export default {};
