// Places in text, for the engine: mentions in a string (mentions.ts: scan.ts, villages.ts, resolve.ts, unresolved.ts),
// an article's main place (article.ts) and the place of a span of it (focus.ts). Operates on plain strings and the
// gazetteer (gazetteer.ts).
// On a cold pass, V8's optimising compiler takes about as much CPU as the place code itself: the hot paths use index
// loops over arrays (an iterator loop makes a larger graph to compile), call each helper from one place where they
// can (each call site is inlined again), and keep character tests in tables (chars.ts) rather than Sets of strings.
export {homeCounty, resolveArticlePlace, withHomeCounty} from "./article.js";
export {paragraphAround, placeForSpan} from "./focus.js";
export {findPlaceMentions} from "./mentions.js";
export {placeRef, type ArticlePlace, type FindOptions, type PlaceMention, type PlaceRef} from "./types.js";
