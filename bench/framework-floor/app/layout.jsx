/** The smallest App Router page that links somewhere: what Next and React ship before any code of ours. */
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
