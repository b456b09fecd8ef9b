// Drives the dashboard in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
// loads /, checks map, timeline and table, filters by country, opens an event and checks its evidence,
// checks that hostile article markup stays text, and writes screenshots.
// Usage: node dashboard.mjs BASE_URL OUT_DIR CHROMIUM PLAYWRIGHT_CORE_DIR EXPECT_JSON
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const [base, outDir, chromiumPath, playwrightDir, expectJson] = process.argv.slice(2);
const expect = JSON.parse(expectJson);
const require = createRequire(join(playwrightDir, "package.json"));
const { chromium } = require("playwright-core");

/** The events counted by the timeline's bars (each bar's title says "...: N events, M fatalities"). */
async function barEvents(page) {
  const titles = await page.locator("#timeline rect.bar title").allTextContents();
  return titles.reduce((sum, t) => sum + Number((t.match(/: ([\d,]+) events/) ?? [0, "0"])[1].replace(/,/g, "")), 0);
}

const problems = [];
const report = { steps: [] };
function check(condition, message) {
  report.steps.push({ ok: Boolean(condition), message });
  if (!condition) problems.push(message);
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "ew-chromium-")), {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1440, height: 1100 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
const consoleErrors = [];
const foreign = [];
page.on("console", (msg) => msg.type() === "error" && consoleErrors.push(msg.text()));
page.on("pageerror", (err) => consoleErrors.push(String(err)));
page.on("dialog", async (dialog) => {
  problems.push(`a dialog opened: ${dialog.message()}`);
  await dialog.dismiss();
});
page.on("request", (req) => {
  const url = req.url();
  if (!url.startsWith(base) && !url.startsWith("data:")) foreign.push(url);
});

try {
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });

  const countries = await page.locator("#map path.country").count();
  check(countries > 150, `the map draws country outlines (${countries})`);
  const markers = await page.locator("#map circle.marker").count();
  check(markers === expect.located, `one marker per located event (${markers}, expected ${expect.located})`);
  const rows = await page.locator("#events-table tbody tr").count();
  check(rows === expect.total, `the table lists every event (${rows}, expected ${expect.total})`);
  const timelineEvents = await barEvents(page);
  check(timelineEvents === expect.dated, `the timeline counts every dated event (${timelineEvents}, expected ${expect.dated})`);
  const shownTotal = (await page.locator("#count-events").textContent()).trim();
  check(shownTotal === String(expect.total), `the header counts the events (${shownTotal})`);
  const legend = await page.locator("#legend-types li").count();
  check(legend === 6, `the legend lists the six event types (${legend})`);
  await page.screenshot({ path: join(outDir, "dashboard.png"), fullPage: true });

  // Filter by country: map, timeline and table follow.
  await page.selectOption("select[name=country]", expect.country);
  await page.waitForFunction(
    (n) => document.querySelectorAll("#events-table tbody tr").length === n, expect.countryEvents, { timeout: 10000 },
  );
  const filteredMarkers = await page.locator("#map circle.marker").count();
  check(filteredMarkers === expect.countryLocated, `the country filter narrows the map (${filteredMarkers})`);
  const filteredTimeline = await barEvents(page);
  check(filteredTimeline === expect.countryDated, `the country filter narrows the timeline (${filteredTimeline})`);
  check(page.url().includes(`country=${encodeURIComponent(expect.country)}`), "the filter is kept in the address");

  // Open an event by clicking its row: the panel shows the evidence highlighted in the document text.
  await page.locator("#events-table tbody tr", { hasText: expect.rowText }).first().click();
  await page.waitForSelector("#panel:not([hidden]) mark.ev-field", { timeout: 10000 });
  const marks = await page.locator("#panel mark").allTextContents();
  check(marks.length > 0, `the evidence is highlighted (${marks.length} marks)`);
  const joined = marks.join(" ");
  check(joined.includes(expect.evidence), `the evidence "${expect.evidence}" is highlighted`);
  const panelText = await page.locator("#panel").textContent();
  check(panelText.includes(expect.evidence), "the panel shows the evidence text");
  await page.screenshot({ path: join(outDir, "event.png"), fullPage: false });

  // Hostile markup: open the hostile event with a text search and make sure nothing ran.
  if (expect.hostileQuery) {
    await page.locator("#panel-close").click();
    await page.click("#reset");
    await page.fill("input[name=q]", expect.hostileQuery);
    await page.click("form#filters button[type=submit]");
    await page.waitForFunction(() => document.querySelectorAll("#events-table tbody tr").length === 1, null, { timeout: 10000 });
    await page.locator("#events-table tbody tr").first().click();
    await page.waitForSelector("#panel:not([hidden]) mark", { timeout: 10000 });
    const hostileText = await page.locator("#panel").textContent();
    check(hostileText.includes("<script>window.__pwned='script'</script>"), "script tags in the article show as text");
    const injected = await page.locator("#panel script, #panel img, #panel svg, #panel iframe, #panel b").count();
    check(injected === 0, `no element came from the article's markup (${injected})`);
    const links = await page.locator("#panel a").count();
    check(links === 0, `a javascript: URL is not made a link (${links})`);
    await page.waitForTimeout(300);
    const pwned = await page.evaluate(() => window.__pwned ?? null);
    check(pwned === null, `no script from the article ran (window.__pwned = ${pwned})`);
    await page.screenshot({ path: join(outDir, "hostile.png"), fullPage: false });
  }
  check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(" | ")})`);
  check(foreign.length === 0, `nothing fetched from outside the server (${foreign.join(", ")})`);
} catch (error) {
  problems.push(`the browser run failed: ${error.stack ?? error}`);
  await page.screenshot({ path: join(outDir, "failure.png"), fullPage: true }).catch(() => {});
} finally {
  await context.close();
}
report.problems = problems;
writeFileSync(join(outDir, "report.json"), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
process.exit(problems.length ? 1 : 0);
