;; Test module: asks for 2000 more pages (125 MiB); when memory.grow fails it writes
;; "memory.grow failed" to stderr and exits with code 2.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "memory.grow failed\n")
  (func (export "_start")
    (if (i32.eq (memory.grow (i32.const 2000)) (i32.const -1))
      (then
        (i32.store (i32.const 0) (i32.const 16))
        (i32.store (i32.const 4) (i32.const 19))
        (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))
        (call $proc_exit (i32.const 2))))))
