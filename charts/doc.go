// Package charts draws the timeline chart (our own geometry on our own
// calendar axis) and the go-chart figures (through a chart.Renderer that
// records vector layout items) into a box it is given. It knows nothing
// of pages beyond that box. It is the only package that imports go-chart.
package charts
