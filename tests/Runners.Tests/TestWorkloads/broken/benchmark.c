/* Test workload for the native engine: does not compile. */
int main(void) { return this_is_not_declared; }
