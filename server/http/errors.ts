import type { ErrorRequestHandler } from 'express';

/** An error with an HTTP status whose message is safe to show to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  414: 'URI Too Long',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

/** Every error becomes application/problem+json; only HttpError messages reach the client. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  // Express's own body/URL parsing errors carry a 4xx status; anything else is our fault.
  const status =
    err instanceof HttpError
      ? err.status
      : err.status >= 400 && err.status < 500
        ? err.status
        : 500;
  if (status >= 500 && !(err instanceof HttpError))
    console.error(`${req.method} ${req.originalUrl}:`, err);
  // A download that failed part way was cut off already; there is nothing left to answer.
  if (res.headersSent) return;
  const detail =
    err instanceof HttpError
      ? err.message
      : status < 500
        ? 'The request could not be read.'
        : 'The server could not answer this request.';
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      ...(err instanceof HttpError ? err.extra : {}),
    });
};
