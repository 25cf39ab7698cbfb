/** The header of public pages (landing, sign-in, sign-up, mailbox). */
import Link from "next/link";

export function PublicHeader({ showMailbox }: { showMailbox: boolean }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          imagesfactory
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {showMailbox ? (
              <li>
                <Link href="/mailbox">Mailbox</Link>
              </li>
            ) : null}
            <li>
              <Link href="/signin">Sign in</Link>
            </li>
            <li>
              <Link href="/signup" className="button button--small">
                Create account
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
