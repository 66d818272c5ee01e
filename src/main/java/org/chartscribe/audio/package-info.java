/**
 * Notes from recorded encounters: the plain-Java ports between the upload endpoint, the speech
 * recognisers and the background jobs. Decoders, recognisers, the job queue and webhooks are adapters
 * that implement these ports at the edge.
 */
package org.chartscribe.audio;
