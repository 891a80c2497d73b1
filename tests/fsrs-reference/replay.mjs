// Replays review sequences through ts-fsrs and prints the card after each review.
// Input (stdin) and output (stdout) use the JSON format of the C# ScheduleReplay class, so both can be
// compared value by value. Exit code 1 with a message on stderr for invalid input.
import { readFileSync } from "node:fs";
import { fsrs, createEmptyCard, State } from "ts-fsrs";

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function schedulerFor(sequence, where) {
  const zone = sequence.time_zone ?? "UTC";
  if (zone !== "UTC") {
    fail(`${where}: ts-fsrs counts elapsed days in UTC only; time_zone "${zone}" cannot be reproduced.`);
  }

  // Absent and null fields take the ts-fsrs defaults; fuzz stays off so due dates are deterministic.
  const settings = { enable_fuzz: false };
  if (sequence.params != null) settings.w = sequence.params;
  if (sequence.desired_retention != null) settings.request_retention = sequence.desired_retention;
  if (sequence.maximum_interval != null) settings.maximum_interval = sequence.maximum_interval;
  if (sequence.enable_short_term != null) settings.enable_short_term = sequence.enable_short_term;
  if (sequence.learning_steps != null) settings.learning_steps = sequence.learning_steps;
  if (sequence.relearning_steps != null) settings.relearning_steps = sequence.relearning_steps;
  return fsrs(settings);
}

function replay(sequence, index) {
  const where = `sequence ${index}`;
  if (!Array.isArray(sequence.reviews)) {
    fail(`${where}: the field "reviews" must be an array.`);
  }

  const f = schedulerFor(sequence, where);
  const first = sequence.reviews.length > 0 ? new Date(sequence.reviews[0].at) : new Date(0);
  let card = createEmptyCard(first);
  const rows = [];
  sequence.reviews.forEach((review, r) => {
    const at = new Date(review.at);
    if (Number.isNaN(at.getTime())) {
      fail(`${where}, review ${r}: "${review.at}" is not a valid instant.`);
    }

    // The log records the stability before the review and the elapsed days ts-fsrs used, so R here is the
    // value its scheduler passed to next_state.
    let result;
    try {
      result = f.next(card, at, review.rating);
    } catch (error) {
      fail(`${where}, review ${r}: ts-fsrs rejected the review: ${error.message}`);
    }

    const { card: next, log } = result;
    const retrievability =
      log.state === State.New ? null : f.forgetting_curve(log.elapsed_days, log.stability);
    rows.push({
      state: State[next.state],
      stability: next.stability,
      difficulty: next.difficulty,
      retrievability,
      scheduled_days: next.scheduled_days,
      due: next.due.toISOString(),
    });
    card = next;
  });
  return rows;
}

let input;
try {
  input = JSON.parse(readFileSync(0, "utf8"));
} catch (error) {
  fail(`Input is not valid JSON: ${error.message}`);
}

if (!Array.isArray(input)) {
  fail("Input must be a JSON array of sequences.");
}

// console.debug is silenced because ts-fsrs logs there when it converts 17- or 19-number parameter sets.
console.debug = () => {};
const output = input.map(replay);
process.stdout.write(JSON.stringify(output));
