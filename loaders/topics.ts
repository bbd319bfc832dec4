// The poverty-relief topic of a text, by counting the lexicon's words (loaders/data/topics.ts).
import {POVERTY_RELIEF_WORDS, TOPIC_WORDS} from "./data/topics.js";
import type {Topic} from "./types.js";

const topics = Object.keys(TOPIC_WORDS) as Exclude<Topic, "other">[];

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** Hits per topic; ties resolve to the topic listed first in the contract. */
export function topicScores(text: string): Map<Topic, number> {
  const scores = new Map<Topic, number>();
  for (const topic of topics) {
    let score = 0;
    for (const word of TOPIC_WORDS[topic]) score += occurrences(text, word);
    if (score > 0) scores.set(topic, score);
  }
  return scores;
}

export function classifyTopic(text: string, title = ""): Topic {
  const scores = topicScores(text);
  for (const [topic, score] of topicScores(title)) scores.set(topic, (scores.get(topic) ?? 0) + 2 * score);
  let best: Topic = "other";
  let bestScore = 0;
  for (const [topic, score] of scores) if (score > bestScore) (best = topic), (bestScore = score);
  return best;
}

export function isPovertyRelief(text: string, title = ""): boolean {
  const whole = `${title}\n${text}`;
  return POVERTY_RELIEF_WORDS.some((word) => whole.includes(word));
}
