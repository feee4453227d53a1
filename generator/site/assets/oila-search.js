/* Oila's search worker, behind Material's search box: it answers the theme's messages (set up, query) with the
   theme's result shape. It reads words by the rules the index carries (generator/site/search.py): folded, so that
   oʻquv, o'quv and oquv are one word, and stemmed, so that a query word finds every form of it. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var WORD = /[\p{L}]{1,5}-\d+|\d+(?:\.\d+)+|[\p{L}\p{N}]+(?:[ʻʼ‘’'`][\p{L}\p{N}]+)*/gu;
var TITLE_WEIGHT = 8, PAGE_BONUS = 1.5, WHOLE_WORD = 1, PART_WORD = 0.6, TEASER_BEFORE = 60, TEASER_LENGTH = 260;

var rules, docs, stems, postings;

function fold(word) {
  var folded = "";
  for (var character of word.toLowerCase()) {
    var replaced = rules.folds[character];
    folded += replaced === undefined ? character : replaced;
  }
  return folded.replace(/-/g, "");
}

function stem(folded) {
  var word = folded, cut = true;
  while (cut) {
    cut = false;
    for (var ending of rules.endings) {
      if (word.length - ending.length >= rules.shortestStem && word.endsWith(ending)) {
        word = word.slice(0, -ending.length);
        cut = rules.repeat;
        break;
      }
    }
  }
  return word;
}

function plain(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function addWords(text, index, field) {
  for (var match of text.matchAll(WORD)) {
    var key = stem(fold(match[0]));
    var posting = postings.get(key);
    if (posting === undefined) postings.set(key, posting = new Map());
    var counts = posting.get(index);
    if (counts === undefined) posting.set(index, counts = [0, 0]);
    counts[field] += 1;
  }
}

function setup(index) {
  rules = index.config.words;
  postings = new Map();
  docs = index.docs.map(function (doc, position) {
    var entry = {location: doc.location, title: doc.title, text: doc.text, plainTitle: plain(doc.title),
      plainText: plain(doc.text), page: doc.location.split("#")[0]};
    entry.titleWords = entry.plainTitle.match(WORD) || [];
    addWords(entry.plainTitle, position, 0);
    addWords(entry.plainText, position, 1);
    return entry;
  });
  stems = Array.from(postings.keys()).sort();
}

/* Every stem of the pages that begins with `prefix`, from the sorted list. */
function stemsFrom(prefix) {
  var low = 0, high = stems.length;
  while (low < high) {
    var middle = (low + high) >> 1;
    if (stems[middle] < prefix) low = middle + 1; else high = middle;
  }
  var found = [];
  for (var i = low; i < stems.length && stems[i].startsWith(prefix); i++) found.push(stems[i]);
  return found;
}

function queryTerms(query) {
  var terms = [];
  for (var match of query.matchAll(WORD)) {
    var key = stem(fold(match[0]));
    if (key && !terms.some(function (term) { return term.key === key; })) terms.push({word: match[0], key: key});
  }
  return terms;
}

/* Each document's weight for one query term: words in the title count more, whole words more than beginnings. */
function termWeights(term) {
  var weights = new Map();
  for (var key of stemsFrom(term.key)) {
    var share = key === term.key ? WHOLE_WORD : PART_WORD;
    for (var [index, counts] of postings.get(key)) {
      var weight = share * (counts[0] * TITLE_WEIGHT + counts[1]);
      weights.set(index, (weights.get(index) || 0) + weight);
    }
  }
  return weights;
}

function matches(word, keys) {
  var key = stem(fold(word));
  return keys.some(function (prefix) { return key.startsWith(prefix); });
}

/* The words of `text` the query found, each marked whole; and the words found, for the theme's page highlight. */
function marked(text, keys, found) {
  var out = "", position = 0;
  for (var match of text.matchAll(WORD)) {
    if (!matches(match[0], keys)) continue;
    found.add(match[0]);
    out += escapeHtml(text.slice(position, match.index)) + "<mark>" + escapeHtml(match[0]) + "</mark>";
    position = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(position));
}

function teaser(text, keys) {
  var first = 0;
  for (var match of text.matchAll(WORD)) {
    if (matches(match[0], keys)) { first = match.index; break; }
  }
  var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - TEASER_BEFORE)) + 1);
  if (first - start > TEASER_BEFORE * 2) start = first;
  var end = Math.min(text.length, start + TEASER_LENGTH);
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

function search(query) {
  var terms = queryTerms(query);
  if (!terms.length) return {items: []};
  var scores = new Map(), foundBy = new Map();
  terms.forEach(function (term, position) {
    var weights = termWeights(term);
    var rarity = Math.log(1 + docs.length / Math.max(1, weights.size));
    for (var [index, weight] of weights) {
      scores.set(index, (scores.get(index) || 0) + rarity * Math.log(1 + weight));
      if (!foundBy.has(index)) foundBy.set(index, new Set());
      foundBy.get(index).add(position);
    }
  });
  var groups = new Map();
  for (var [index, score] of scores) {
    var doc = docs[index], keys = [], missing = {};
    terms.forEach(function (term, position) {
      if (foundBy.get(index).has(position)) keys.push(term.key); else missing[term.word] = false;
    });
    var everyTerm = keys.length === terms.length ? 4 : keys.length / terms.length;
    var inTitle = keys.every(function (key) {
      return doc.titleWords.some(function (word) { return matches(word, [key]); });
    }) ? 3 : 1;
    var isPage = doc.location === doc.page ? PAGE_BONUS : 1;
    var found = new Set();
    var item = {location: doc.location, title: marked(doc.plainTitle, keys, found),
      text: "<p>" + marked(teaser(doc.plainText, keys), keys, found) + "</p>",
      score: score * everyTerm * inTitle * isPage, terms: {}};
    for (var word of found) item.terms[word] = true;
    Object.assign(item.terms, missing);
    if (!groups.has(doc.page)) groups.set(doc.page, []);
    groups.get(doc.page).push(item);
  }
  var items = [];
  for (var [page, group] of groups) {
    group.sort(function (a, b) { return b.score - a.score || (a.location < b.location ? -1 : 1); });
    if (!group.some(function (item) { return item.location === page; })) {
      var article = docs.find(function (doc) { return doc.location === page; });
      if (article) group.push({location: page, title: escapeHtml(article.plainTitle), text: "", score: 0, terms: {}});
    }
    items.push(group);
  }
  items.sort(function (a, b) { return b[0].score - a[0].score || (a[0].location < b[0].location ? -1 : 1); });
  return {items: items};
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    setup(message.data);
    postMessage({type: READY});
  } else if (message.type === QUERY) {
    postMessage({type: RESULT, data: search(message.data)});
  }
});
