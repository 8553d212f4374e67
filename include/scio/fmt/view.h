/* view.h: records shown to read as they are written: what a program
 * writes with scio_out_write is taken back, a record a line, and shown by
 * the text formatter (scio-grep on a terminal). */
#ifndef SCIO_VIEW_H
#define SCIO_VIEW_H

struct scio_view;

/* Starts diverting scio_out_write into the view; colour: always use it
 * (else only on a terminal, as scio_cli_colour says). */
struct scio_view *scio_view_start(int colour);

/* Stops the diversion, ends the text (closing its last conference) and
 * frees v. */
void scio_view_end(struct scio_view *v);

#endif
