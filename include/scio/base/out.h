/* out.h: picking up standard output where a stopped run left it. */
#ifndef SCIO_OUT_H
#define SCIO_OUT_H

/* For a regular file opened for appending (">> FILE"): cuts off what a
 * run that was stopped left at its end, with a warning.  committed is the
 * file's size at the last state save (-1 when unknown): when everything
 * after it is page records, it goes (their pages were not counted as
 * delivered); otherwise only a torn last line goes. */
void scio_out_resume(long long committed);

/* The test hook SCIO_TEST_WRITE_CHUNK: 0, or the most bytes one write(2)
 * of stdout or the WARC may give (a kill harness then lands in them). */
size_t scio_test_write_chunk(void);

#endif
