// How every test and benchmark starts Chromium: Debian's build, never one downloaded by
// Playwright, and kept off the network (the machines that run this reach only package
// registries).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
