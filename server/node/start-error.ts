/** A reason the server cannot start that the operator can act on: printed as one line, no stack. */
export class StartError extends Error {}
