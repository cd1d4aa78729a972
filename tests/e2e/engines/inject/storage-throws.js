// Served first in every page of the `throwing` server: localStorage throws, as it does
// when a browser blocks site data, before the app reads it.
Object.defineProperty(window, 'localStorage', {
  get() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
});
