/**
 * `Promise.withResolvers` (ES2024) for Node 20, which lacks it: aws-local-stepfunctions calls it in
 * every Task state. Importing this module installs it (once, and only where it is missing), so a
 * test or a setup file imports it before the interpreter; `installPromiseWithResolvers` does the
 * same explicitly.
 */
export function installPromiseWithResolvers(): void {
  const P = Promise as unknown as { withResolvers?: unknown };
  if (typeof P.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

installPromiseWithResolvers();
