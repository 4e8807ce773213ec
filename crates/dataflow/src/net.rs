//! Connecting the processes: timely's own handshake (each process connects to the ones before it
//! and accepts the ones after it), but with a deadline and an error that names the missing peer.
//! timely's built-in connector retries forever and reports progress on stdout.

use crate::Error;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::sleep;
use std::time::{Duration, Instant};
use timely::communication::allocator::zero_copy::stream::Stream;

/// One socket per other process, `None` at `me`.
pub(crate) fn connect(
    addresses: &[String],
    me: usize,
    timeout: Duration,
) -> Result<Vec<Option<TcpStream>>, Error> {
    let deadline = Instant::now() + timeout;
    let own = &addresses[me];
    let listener = TcpListener::bind(own.as_str()).map_err(|e| Error::Listen {
        address: own.clone(),
        reason: e.to_string(),
    })?;
    listener.set_nonblocking(true).map_err(|e| Error::Listen {
        address: own.clone(),
        reason: e.to_string(),
    })?;

    let mut sockets: Vec<Option<TcpStream>> = (0..addresses.len()).map(|_| None).collect();
    for (peer, address) in addresses.iter().enumerate().take(me) {
        sockets[peer] = Some(dial(peer, address, me, deadline, timeout)?);
    }
    while let Some(missing) = (me + 1..addresses.len()).find(|&p| sockets[p].is_none()) {
        match listener.accept() {
            Ok((mut stream, _)) => {
                let peer = read_index(&mut stream).filter(|&p| p > me && p < addresses.len());
                if let Some(peer) = peer {
                    sockets[peer] = Some(stream);
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                if Instant::now() > deadline {
                    return Err(Error::Connect {
                        process: missing,
                        address: addresses[missing].clone(),
                        waited: timeout,
                        reason: "it did not connect".into(),
                    });
                }
                sleep(Duration::from_millis(20));
            }
            Err(e) => {
                return Err(Error::Listen {
                    address: own.clone(),
                    reason: e.to_string(),
                })
            }
        }
    }
    for s in sockets.iter().flatten() {
        s.set_nonblocking(false)
            .and_then(|_| s.set_nodelay(true))
            .map_err(|e| Error::Listen {
                address: own.clone(),
                reason: e.to_string(),
            })?;
    }
    Ok(sockets)
}

fn dial(
    peer: usize,
    address: &str,
    me: usize,
    deadline: Instant,
    timeout: Duration,
) -> Result<TcpStream, Error> {
    loop {
        let attempt = address
            .to_socket_addrs()
            .and_then(|mut a| {
                a.next()
                    .ok_or_else(|| std::io::Error::new(ErrorKind::NotFound, "no address"))
            })
            .and_then(|a| TcpStream::connect_timeout(&a, Duration::from_secs(5)));
        let reason = match attempt {
            Ok(mut stream) => {
                stream
                    .write_all(&(me as u64).to_be_bytes())
                    .map_err(|e| Error::Connect {
                        process: peer,
                        address: address.to_string(),
                        waited: Duration::ZERO,
                        reason: e.to_string(),
                    })?;
                return Ok(stream);
            }
            Err(e) => e.to_string(),
        };
        if Instant::now() > deadline {
            return Err(Error::Connect {
                process: peer,
                address: address.to_string(),
                waited: timeout,
                reason,
            });
        }
        sleep(Duration::from_millis(100));
    }
}

fn read_index(stream: &mut TcpStream) -> Option<usize> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut buf = [0u8; 8];
    stream.read_exact(&mut buf).ok()?;
    stream.set_read_timeout(None).ok()?;
    usize::try_from(u64::from_be_bytes(buf)).ok()
}

/// A socket that counts the bytes written to it: what this process sent to its peers.
pub(crate) struct Counted {
    inner: TcpStream,
    sent: Arc<AtomicU64>,
}

impl Counted {
    pub(crate) fn new(inner: TcpStream, sent: Arc<AtomicU64>) -> Self {
        Counted { inner, sent }
    }
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sent.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl Stream for Counted {
    fn try_clone(&self) -> std::io::Result<Self> {
        Ok(Counted {
            inner: self.inner.try_clone()?,
            sent: Arc::clone(&self.sent),
        })
    }

    fn set_nonblocking(&self, nonblocking: bool) -> std::io::Result<()> {
        self.inner.set_nonblocking(nonblocking)
    }

    fn shutdown(&self, how: Shutdown) -> std::io::Result<()> {
        self.inner.shutdown(how)
    }
}
