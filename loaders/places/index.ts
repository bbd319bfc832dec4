// Places in text, for the engine: mentions in a string (mentions.ts: scan.ts, villages.ts, resolve.ts, unresolved.ts),
// an article's main place (article.ts) and the place of a span of it (focus.ts). Operates on plain strings and the
// gazetteer (gazetteer.ts).
export {homeCounty, resolveArticlePlace, withHomeCounty} from "./article.js";
export {paragraphAround, placeForSpan} from "./focus.js";
export {findPlaceMentions} from "./mentions.js";
export {placeRef, type ArticlePlace, type FindOptions, type PlaceMention, type PlaceRef} from "./types.js";
