#ifndef SITEGEN_FILE_SWAP_H
#define SITEGEN_FILE_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int sitegen_exchange_paths(const char *a, const char *b);

#endif
