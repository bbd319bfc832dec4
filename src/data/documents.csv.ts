import {readFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {csvFormat} from "d3-dsv";
import {listDocuments} from "../../loaders/corpus.js";

const rows = listDocuments(["data"]).map(({doc, path}) => {
  const bytes = readFileSync(path);
  return {doc, bytes: bytes.length, chars: bytes.toString("utf8").length, sha256: createHash("sha256").update(bytes).digest("hex")};
});

process.stdout.write(csvFormat(rows));
