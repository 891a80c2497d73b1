// Opens a course preview page (index.html written by `content preview`) in headless Chromium and checks that
// every card rendered without console errors and without text cut off at the card edge.
// Usage: node render-preview.mjs <index.html> [screenshot.png]
// Exit code 0 when all cards rendered cleanly, 1 otherwise; the result is printed as JSON.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [indexPath, screenshotPath] = process.argv.slice(2);
if (!indexPath) {
  console.error("usage: node render-preview.mjs <index.html> [screenshot.png]");
  process.exit(2);
}

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const errors = [];
const blocked = [];
try {
  const page = await browser.newPage();

  // The preview must work offline: only file:// requests are served, and anything else is aborted, never sent.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) {
      return route.continue();
    }
    blocked.push(url);
    return route.abort();
  });

  page.on("console", (message) => {
    if (message.type() !== "error") {
      return;
    }
    const source = message.location()?.url ?? "";
    if (message.text().startsWith("Failed to load resource") && blocked.includes(source)) {
      return;
    }
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (!blocked.includes(request.url())) {
      errors.push(`request failed: ${request.url()}`);
    }
  });

  await page.goto(pathToFileURL(indexPath).href, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.hasAttribute("data-total") || document.querySelector(".problem"), null, { timeout: 15000 });

  const result = await page.evaluate(() => ({
    total: Number(document.body.getAttribute("data-total") ?? 0),
    rendered: Number(document.body.getAttribute("data-rendered") ?? 0),
    cardElements: document.querySelectorAll(".ac-adaptiveCard").length,
    status: document.getElementById("status")?.textContent ?? "",
    // Text that reaches past its block is cut off at the card edge, because text blocks hide their overflow.
    clipped: [...document.querySelectorAll(".ac-textBlock")]
      .filter((block) => block.scrollWidth > block.clientWidth + 1)
      .map((block) => `${block.closest(".nugget")?.getAttribute("data-file")}: ${block.textContent.slice(0, 60)}`),
  }));

  if (screenshotPath) {
    await page.screenshot({ path: screenshotPath, fullPage: true });
  }

  const ok = errors.length === 0 && result.clipped.length === 0 && result.total > 0 && result.rendered === result.total
    && result.cardElements >= result.total;
  console.log(JSON.stringify({ ok, ...result, errors, blocked }, null, 2));
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
}
