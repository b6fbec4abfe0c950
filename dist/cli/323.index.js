export const id = 323;
export const ids = [323];
export const modules = {

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LEGACY_RESET: () => (/* binding */ LEGACY_RESET),
/* harmony export */   RESET: () => (/* binding */ RESET),
/* harmony export */   ZERO: () => (/* binding */ ZERO),
/* harmony export */   bumpVersion: () => (/* binding */ bumpVersion),
/* harmony export */   compareVersions: () => (/* binding */ compareVersions),
/* harmony export */   isVersion: () => (/* binding */ isVersion),
/* harmony export */   maxVersion: () => (/* binding */ maxVersion),
/* harmony export */   sortVersions: () => (/* binding */ sortVersions)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);

/** Versions are strict semver (no leading "v"); `reset` is the one named migration. */
const RESET = 'reset';
/** OneTable's former name for the reset migration. */
const LEGACY_RESET = 'latest';
/** The version of a table with no migration records. */
const ZERO = '0.0.0';
function isVersion(v) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v) === v;
}
function compareVersions(a, b) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(a, b);
}
function sortVersions(items, key) {
    return [...items].sort((x, y) => compareVersions(key(x), key(y)));
}
function maxVersion(versions) {
    const valid = versions.filter(isVersion);
    return valid.length ? valid.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : undefined;
}
/** Next version for `generate --bump`. */
function bumpVersion(current, bump) {
    const next = semver__WEBPACK_IMPORTED_MODULE_0___default().inc(current, bump);
    if (!next)
        throw new Error(`cannot bump ${current}`);
    return next;
}


/***/ })

};
