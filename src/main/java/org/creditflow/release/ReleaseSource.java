package org.creditflow.release;

/** Where a release's files came from. */
public enum ReleaseSource {

	/** The service's rules folder as it was when submitted. */
	FOLDER,
	/** An uploaded zip of a rules folder. */
	ZIP,
	/** A version stored earlier: a rollback, or the promotion of a challenger. */
	VERSION

}
