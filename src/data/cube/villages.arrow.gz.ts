import {aggregateFile} from "../aggregateFile.js";

process.stdout.write(await aggregateFile("villages"));
