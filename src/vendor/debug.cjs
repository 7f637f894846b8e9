/**
 * Stands in for the `debug` package inside fhirclient (vite.config.ts). fhirclient's debug output, turned
 * on by `localStorage.debug`, prints token responses (docs/spec/smart-notes.md §2): in this app it can
 * never be turned on, and the logger costs nothing. CommonJS, like the package it replaces: fhirclient
 * calls what `require("debug")` returns.
 */
"use strict";

function silent() {
  const log = function () {};
  log.enabled = false;
  log.extend = silent;
  return log;
}

module.exports = function debug() {
  return silent();
};
