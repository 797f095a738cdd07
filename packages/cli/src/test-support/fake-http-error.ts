// The error a fake route throws: turned into the contract's
// `{"error": {"code", "message"}}` with its status.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
