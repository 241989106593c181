;; Test module: loops forever (the deadline must end it).
(module
  (memory (export "memory") 1)
  (func (export "_start")
    (loop $forever (br $forever))))
