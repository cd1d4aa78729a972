// End-to-end tests on the release build (dist/, built by `cargo xtask test`), served on
// 127.0.0.1 and run in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.mjs';

const PORT = 4173;
/** The host page of the embedding tests, on another origin than the app. */
export const HOST_PORT = 4174;
/**
 * The LMS of the SCORM tests (lms/serve-package.mjs): its page runs scorm-again's SCORM
 * 1.2 API and launches the package that `cargo xtask package` writes, read from the zip.
 */
export const LMS_PORT = 4175;
export const SCORM_PACKAGE = '../../target/package/ops-trio-scorm12.zip';

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
    // The service worker answers requests from its cache; the offline specs turn it on,
    // the others test the app as a first visit sees it.
    serviceWorkers: 'block',
  },
  webServer: [
    {
      command: `node serve.mjs ../../dist ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node serve.mjs host ${HOST_PORT}`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // Starts without the zip too: `/content/` answers 503 until it exists.
      command: `node lms/serve-package.mjs ${SCORM_PACKAGE} ${LMS_PORT}`,
      url: `http://127.0.0.1:${LMS_PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
