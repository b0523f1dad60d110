const path = require('path');
const { task, src, dest } = require('gulp');

// n8n loads icons from dist next to the compiled node files; the credentials point at the same pair.
// Returning the stream makes gulp wait until every file is written.
task('build:icons', function copyIcons() {
	return src(path.resolve('nodes', '**', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', 'nodes')));
});
