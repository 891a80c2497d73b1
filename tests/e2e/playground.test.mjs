// Drives MicroLearnBot through the Microsoft 365 Agents Playground in headless Chromium, as a learner would:
// install, course catalog, start a course, take the first lesson, answer it and read it back with "mina data".
// scripts/e2e-playground.sh starts the bot and the Playground and then runs this file with:
//   PLAYGROUND_URL  the Playground page, for example http://localhost:56150
//   COURSE_ID       the course to start (the first folder under content/courses)
//   ARTIFACTS_DIR   where screenshots and the transcript go (default: artifacts/e2e)
//   CHROMIUM_PATH   the browser (default: /usr/bin/chromium, Debian package chromium)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const playgroundUrl = requiredEnv('PLAYGROUND_URL');
const courseId = requiredEnv('COURSE_ID');
const artifactsDir = path.resolve(process.env.ARTIFACTS_DIR ?? 'artifacts/e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long one step may wait for the bot's reply. Turns took under a second in local runs, so this leaves room for a cold start. */
const stepTimeoutMs = 20_000;

/** Contains Swedish letters and an emoji, so the round trip through card input, storage and cards is checked. */
const reflection = `Jag ska fråga patienten först och lyssna på svaret. Åäö ÅÄÖ 👍 ${Date.now()}`;

const welcomeSv = 'Välkommen till MicroLearnBot!';
const welcomeEn = 'Welcome to MicroLearnBot!';
const errorReplies = ['Något gick fel hos mig', 'Something went wrong on my side'];

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set. Run this test through scripts/e2e-playground.sh.`);
    process.exit(2);
  }
  return value;
}

const startedAt = Date.now();
let currentStep = 'start Chromium';

function log(message) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(5);
  console.log(`[${seconds}s] ${message}`);
}

async function step(name, action) {
  currentStep = name;
  await action();
  log(`ok   ${name}`);
}

mkdirSync(artifactsDir, { recursive: true });
const userDataDir = mkdtempSync(path.join(tmpdir(), 'microlearnbot-e2e-chromium-'));

// Playwright adds --headless and --user-data-dir itself. Without the networking flags Chromium keeps
// calling Google services, which a closed network refuses.
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 1400 },
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
});

// The Playground page loads fonts and scripts from Microsoft's CDN. The test keeps all traffic on loopback,
// and the page works without them.
const blockedHosts = new Set();
await context.route('**/*', (route) => {
  const { hostname } = new URL(route.request().url());
  if (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]') {
    return route.continue();
  }
  blockedHosts.add(hostname);
  return route.abort('blockedbyclient');
});

const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(stepTimeoutMs);

/** Adaptive Cards as the Playground renders them (the Adaptive Cards JS renderer marks each card root). */
const cards = page.locator('.ac-adaptiveCard');
// The compose box is a contenteditable rich-text editor, while card text inputs are <input> and <textarea> elements.
const composeBox = page.getByRole('textbox').and(page.locator('[contenteditable="true"]'));

function cardsWith(filter) {
  return cards.filter(filter);
}

/** Waits until one more card than `before` matches, and returns the newest one. */
async function waitForNewCard(matching, before, description) {
  const card = matching.nth(before);
  try {
    await card.waitFor({ state: 'visible' });
  } catch (error) {
    const lastCard = (await cards.last().innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 160);
    throw new Error(`no new ${description} within ${stepTimeoutMs / 1000} s. The last card reads "${lastCard}"`, { cause: error });
  }
  await card.scrollIntoViewIfNeeded();
  return card;
}

async function sendText(text) {
  await composeBox.click();
  await composeBox.fill(text);
  await page.keyboard.press('Enter');
}

async function expectVisible(locator, description) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 5_000 });
  } catch (error) {
    throw new Error(`${description} is missing`, { cause: error });
  }
}

async function saveEvidence(name) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
  writeFileSync(path.join(artifactsDir, `${name}-transcript.yml`), await page.locator('body').ariaSnapshot());
}

let failed = false;
let lessonCard;
try {
  await step('open the Playground', async () => {
    await page.goto(playgroundUrl);
  });

  // On page load the Playground 0.2.28 sends the personal install itself: a conversationUpdate that adds
  // the user and the bot, and an installationUpdate with action "add". The bot welcomes once. The
  // conversationUpdate has no locale (Swedish) and the installationUpdate says en-US, so the welcome may come
  // in either language; every later Playground activity says en-US.
  await step('one welcome card after the install', async () => {
    const anyWelcome = page.getByRole('heading', { name: welcomeSv }).or(page.getByRole('heading', { name: welcomeEn }));
    await anyWelcome.first().waitFor({ state: 'visible' });
  });

  // The Playground client always reports en-US, so the learner picks Swedish as a Swedish user of an English
  // Teams client would.
  await step('"språk svenska" switches to Swedish', async () => {
    const confirmations = cardsWith({ hasText: 'Nu pratar jag svenska med dig.' });
    const before = await confirmations.count();
    await sendText('språk svenska');
    await waitForNewCard(confirmations, before, '"Nu pratar jag svenska med dig." card');
  });

  await step('"kurser" shows the catalog card', async () => {
    const catalogs = cardsWith({ has: page.getByRole('heading', { name: 'Kurser', exact: true }) });
    const before = await catalogs.count();
    await sendText('kurser');
    const catalog = await waitForNewCard(catalogs, before, 'catalog card');
    await expectVisible(catalog.getByRole('button', { name: /^Starta / }), 'a "Starta …" button in the catalog card');
  });

  await step(`"starta ${courseId}" confirms the start`, async () => {
    const confirmations = cardsWith({ hasText: 'Du har startat' });
    const before = await confirmations.count();
    await sendText(`starta ${courseId}`);
    const confirmation = await waitForNewCard(confirmations, before, '"Du har startat" card');
    const lessons = cardsWith({ has: page.getByRole('button', { name: 'Skicka svar' }) });
    const lessonsBefore = await lessons.count();
    await confirmation.getByRole('button', { name: 'Ge mig lektionen nu' }).click();
    lessonCard = await waitForNewCard(lessons, lessonsBefore, 'lesson card with "Skicka svar"');
  });

  await step('answer the lesson card and submit', async () => {
    const inputs = lessonCard.locator('.ac-input-container');
    const reflectionBox = lessonCard.getByRole('textbox');
    if (await reflectionBox.count() !== 1) {
      throw new Error(`expected one reflection text input in the lesson card, found ${await reflectionBox.count()}`);
    }
    await reflectionBox.fill(reflection);

    // Single-choice checks render as radio groups, multiple-choice checks as check boxes.
    let answered = 0;
    for (const input of await inputs.all()) {
      const radios = input.getByRole('radio');
      const checkboxes = input.getByRole('checkbox');
      if (await radios.count() > 0) {
        await radios.first().check();
        answered++;
      } else if (await checkboxes.count() > 0) {
        await checkboxes.first().check();
        answered++;
      }
    }
    log(`     answered ${answered} check question(s)`);

    const feedbacks = cardsWith({ hasText: 'Tack! Ditt svar är sparat.' });
    const before = await feedbacks.count();
    await lessonCard.getByRole('button', { name: 'Skicka svar' }).click();
    const feedback = await waitForNewCard(feedbacks, before, '"Tack! Ditt svar är sparat." card');
    await expectVisible(feedback.getByText(reflection, { exact: true }), 'the reflection text in the confirmation card');
  });

  await step('"mina data" shows the reflection', async () => {
    const myData = cardsWith({ has: page.getByRole('heading', { name: 'Det här är sparat om dig' }) });
    const before = await myData.count();
    await sendText('mina data');
    const card = await waitForNewCard(myData, before, '"Det här är sparat om dig" card');
    await expectVisible(card.getByText(reflection, { exact: true }), 'the reflection text in the "mina data" card');
  });

  await step('one welcome, no error replies, no failed requests', async () => {
    const welcomes = await page.getByRole('heading', { name: welcomeSv }).count() + await page.getByRole('heading', { name: welcomeEn }).count();
    const problems = [];
    if (welcomes !== 1) {
      problems.push(`expected one welcome card, found ${welcomes}`);
    }
    for (const text of errorReplies) {
      const count = await page.getByText(text).count();
      if (count > 0) {
        problems.push(`${count} bot reply(ies) say "${text} …"`);
      }
    }

    // The Log Panel lists every request between the Playground and the bot with its HTTP status,
    // for example "Microsoft 365 Agents Playground -> User Application message 200".
    const logText = await page.locator('body').innerText();
    const requests = [...logText.matchAll(/(?:User Application|Microsoft 365 Agents Playground)\s+(\w+)\s+(\d{3})\b/g)];
    if (requests.length === 0) {
      problems.push('the Log Panel lists no requests');
    }
    for (const [line, activityType, status] of requests) {
      if (Number(status) >= 400) {
        problems.push(`the Log Panel shows ${activityType} with status ${status}: "${line}"`);
      }
    }

    if (problems.length > 0) {
      throw new Error(problems.join('; '));
    }
  });

  await saveEvidence('final');
} catch (error) {
  failed = true;
  console.error(`FAIL ${currentStep}: ${error.message}`);
  await saveEvidence('failure').catch((evidenceError) => console.error(`Saving the failure screenshot failed: ${evidenceError.message}`));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (blockedHosts.size > 0) {
  log(`blocked requests to ${[...blockedHosts].sort().join(', ')}`);
}
log(`${failed ? 'FAILED' : 'passed'}; screenshots and transcript in ${artifactsDir}`);
process.exit(failed ? 1 : 0);
