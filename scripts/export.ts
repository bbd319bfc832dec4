// `npm run export`: charts and tables from the command line; lands with the dashboard's exports.
console.log("export: not yet");
