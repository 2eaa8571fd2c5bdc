// Package content is Annalist's model of a handout: the document, its
// tracks, events, sources, people, places, eras and narrative; the EDTF
// date type; the YAML loader and validator that reports every problem with
// its file:line:col position; citation formatting; and the default
// handout's data, embedded in the binary.
//
// It is a leaf package: it imports nothing else of Annalist's, and it is
// the only package that imports the YAML library.
package content
