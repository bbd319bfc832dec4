// `npm run extract`: lands with issue 5 (documents, articles, facts and places tables).
console.log("extract: not yet");
