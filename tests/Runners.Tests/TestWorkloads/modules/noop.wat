;; Test module: a _start that returns at once, with no imports.
(module (func (export "_start")))