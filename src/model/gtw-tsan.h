/* gtw-tsan.h: telling ThreadSanitizer about hand-offs it cannot see
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib's GMutex and GCond wait on futexes, and GLib is not built with TSan, so work passed
 * through a GThreadPool looks unsynchronised to it. Where we hand memory to a pool and take
 * it back, we say so: a release before the hand-off, an acquire after it. Without TSan these
 * are nothing.
 */
#pragma once

#if defined(__SANITIZE_THREAD__)
#define GTW_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GTW_TSAN 1
#endif
#endif

#ifdef GTW_TSAN
void __tsan_acquire (void *addr);
void __tsan_release (void *addr);
#define gtw_tsan_acquire(addr) __tsan_acquire ((void *) (addr))
#define gtw_tsan_release(addr) __tsan_release ((void *) (addr))
#else
#define gtw_tsan_acquire(addr) ((void) (addr))
#define gtw_tsan_release(addr) ((void) (addr))
#endif
