;; Test module: its initial memory (200 pages) is above the test's limit.
(module
  (memory (export "memory") 200)
  (func (export "_start")))
