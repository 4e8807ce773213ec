//! dataflow: claimcheck on several processes, with timely dataflow moving the data.
//!
//! In: the processes a user started (by hand, ssh, slurm) with timely's own flags (`-w` workers
//! per process, `-n` processes, `-p` this process, `-h` a host file). Out: on every worker, the
//! result of the closure given to [`execute`]; the closure talks to the other workers through a
//! [`Comm`].
//!
//! Two ideas keep it simple and exact:
//!
//! * **Rounds, not a long-lived graph.** Each [`Comm`] call (`exchange`, `all_gather`, `gather`) is
//!   one small timely dataflow that routes records by key and runs to completion, so the stage
//!   code between two calls is the same plain per-article and per-key functions the single-machine
//!   run uses: no stage logic lives here.
//! * **Order from keys, not from arrival.** What a worker receives is returned in a fixed order
//!   (by sender, then by position in the sender's list), and the callers key everything that
//!   reaches a report by article and position, so the reports are byte-identical to a
//!   single-process run whatever the split into processes and workers.
//!
//! A process that cannot reach a peer within the connect timeout, or that loses one mid-run,
//! exits non-zero with a message naming the peer, and writes nothing.

mod net;
mod stages;

pub use stages::{cluster, Placed};

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;
use timely::communication::allocator::zero_copy::initialize::initialize_networking_from_sockets;
use timely::communication::allocator::{AllocatorBuilder, ProcessBuilder};
use timely::communication::Hooks;
use timely::dataflow::channels::pact::Exchange;
use timely::dataflow::operators::generic::Operator;
use timely::dataflow::operators::Input;
use timely::dataflow::InputHandleVec;
use timely::worker::Worker;
use timely::WorkerConfig;

pub use timely::ExchangeData;

/// Exit code of a process that lost a peer mid-run.
pub const EXIT_PEER_LOST: i32 = 3;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("bad timely arguments ({0}); expected -w WORKERS -n PROCESSES -p INDEX [-h HOSTFILE]")]
    Args(String),
    #[error("cannot listen on {address}: {reason}")]
    Listen { address: String, reason: String },
    #[error("cannot reach process {process} at {address} within {waited:?}: {reason}")]
    Connect {
        process: usize,
        address: String,
        waited: Duration,
        reason: String,
    },
    #[error("cannot start the workers: {0}")]
    Start(String),
    #[error("worker {worker} failed: {reason}")]
    Worker { worker: usize, reason: String },
}

/// Where this process sits among the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Worker threads in this process.
    pub workers: usize,
    /// Index of this process, `0..addresses.len()`.
    pub process: usize,
    /// `host:port` of every process, in process order; empty for a single process.
    pub addresses: Vec<String>,
    /// How long to wait for the other processes at start-up.
    pub connect_timeout: Duration,
}

impl Config {
    /// Parses timely's flags: `-w W -n N -p I -h HOSTFILE` (without `-h`, process `i` listens
    /// on `localhost:2101+i`, as in timely).
    pub fn from_args(args: &[String]) -> Result<Config, Error> {
        let (config, free) =
            timely::CommunicationConfig::from_args(args.iter().cloned()).map_err(Error::Args)?;
        if let Some(extra) = free.first() {
            return Err(Error::Args(format!("unexpected argument `{extra}`")));
        }
        let default_timeout = Duration::from_secs(60);
        Ok(match config {
            timely::CommunicationConfig::Thread => Config {
                workers: 1,
                process: 0,
                addresses: Vec::new(),
                connect_timeout: default_timeout,
            },
            timely::CommunicationConfig::Process(w)
            | timely::CommunicationConfig::ProcessBinary(w) => Config {
                workers: w,
                process: 0,
                addresses: Vec::new(),
                connect_timeout: default_timeout,
            },
            timely::CommunicationConfig::Cluster {
                threads,
                process,
                addresses,
                ..
            } => {
                if process >= addresses.len() {
                    return Err(Error::Args(format!(
                        "process index {process} is not below the {} processes",
                        addresses.len()
                    )));
                }
                Config {
                    workers: threads,
                    process,
                    addresses,
                    connect_timeout: default_timeout,
                }
            }
        })
    }

    /// Number of processes.
    pub fn processes(&self) -> usize {
        self.addresses.len().max(1)
    }
}

/// This worker's view of the others: who it is, and rounds of data exchange.
pub struct Comm<'w> {
    worker: &'w mut Worker,
    sent_remote: Arc<AtomicU64>,
}

impl Comm<'_> {
    /// Index of this worker among all workers of all processes.
    pub fn index(&self) -> usize {
        self.worker.index()
    }

    /// Number of workers of all processes.
    pub fn peers(&self) -> usize {
        self.worker.peers()
    }

    /// Sends each item to the worker `route` names (taken modulo [`Comm::peers`]) and returns what
    /// this worker received: ordered by sending worker, then by position in its list.
    pub fn exchange<T: ExchangeData + Clone>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        route: impl Fn(&T) -> usize,
    ) -> Vec<T> {
        let peers = self.peers();
        let me = self.index();
        let tagged = items.into_iter().enumerate().map(|(seq, item)| Envelope {
            to: route(&item) % peers,
            from: me,
            seq,
            item,
        });
        self.round(tagged)
    }

    /// Every item of every worker, on every worker: ordered by sending worker, then position.
    pub fn all_gather<T: ExchangeData + Clone>(&mut self, items: Vec<T>) -> Vec<T> {
        let (peers, me) = (self.peers(), self.index());
        let tagged = items.into_iter().enumerate().flat_map(move |(seq, item)| {
            (0..peers).map(move |to| Envelope {
                to,
                from: me,
                seq,
                item: item.clone(),
            })
        });
        self.round(tagged)
    }

    /// Every item of every worker, on worker 0 (the others get nothing back).
    pub fn gather<T: ExchangeData + Clone>(&mut self, items: Vec<T>) -> Vec<T> {
        self.exchange(items, |_| 0)
    }

    /// Bytes this process has written to its sockets so far.
    pub fn bytes_sent_remote(&self) -> u64 {
        self.sent_remote.load(Ordering::Relaxed)
    }

    /// One round: a dataflow that routes the envelopes by `to` and collects them at the
    /// destination, run until every worker's input is closed and delivered.
    fn round<T: ExchangeData + Clone>(
        &mut self,
        envelopes: impl Iterator<Item = Envelope<T>>,
    ) -> Vec<T> {
        let received: Rc<RefCell<Vec<Envelope<T>>>> = Rc::default();
        let sink = Rc::clone(&received);
        let mut input = InputHandleVec::<u64, Envelope<T>>::new();
        self.worker.dataflow::<u64, _, _>(|scope| {
            scope.input_from(&mut input).sink(
                Exchange::new(|e: &Envelope<T>| e.to as u64),
                "collect",
                move |(handle, _frontier)| {
                    handle.for_each(|_, batch| sink.borrow_mut().append(batch));
                },
            );
        });
        for e in envelopes {
            input.send(e);
        }
        drop(input);
        while self.worker.has_dataflows() {
            self.worker.step();
        }
        let mut got = received.take();
        got.sort_unstable_by_key(|e| (e.from, e.seq));
        got.into_iter().map(|e| e.item).collect()
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Envelope<T> {
    to: usize,
    from: usize,
    seq: usize,
    item: T,
}

/// What [`execute`] returns on this process: each local worker's result, in worker order, and
/// the bytes this process sent to others.
pub struct Outcome<T> {
    pub results: Vec<T>,
    pub bytes_sent_remote: u64,
}

/// Starts this process's workers, connects to the other processes and runs `work` on every
/// worker. Returns when all local workers are done.
pub fn execute<T, F>(config: &Config, work: F) -> Result<Outcome<T>, Error>
where
    T: Send + 'static,
    F: Fn(&mut Comm) -> T + Send + Sync + 'static,
{
    let workers = config.workers.max(1);
    let hooks = Hooks::default();
    let sent = Arc::new(AtomicU64::new(0));
    let (builders, guard): (Vec<AllocatorBuilder>, Box<dyn std::any::Any + Send>) = if config
        .addresses
        .len()
        > 1
    {
        let sockets: Vec<Option<net::Counted>> =
            net::connect(&config.addresses, config.process, config.connect_timeout)?
                .into_iter()
                .map(|s| s.map(|s| net::Counted::new(s, Arc::clone(&sent))))
                .collect();
        exit_when_a_peer_is_lost(config.addresses.clone());
        let process =
            ProcessBuilder::new_typed_vector(workers, hooks.refill.clone(), hooks.spill.clone());
        let (tcp, guard) =
            initialize_networking_from_sockets(process, sockets, config.process, workers, hooks)
                .map_err(|e| Error::Start(e.to_string()))?;
        (
            tcp.into_iter().map(AllocatorBuilder::Tcp).collect(),
            Box::new(guard),
        )
    } else {
        timely::CommunicationConfig::Process(workers)
            .try_build()
            .map_err(Error::Start)?
    };
    let counter = Arc::clone(&sent);
    let guards =
        timely::execute::execute_from(builders, guard, WorkerConfig::default(), move |worker| {
            let mut comm = Comm {
                worker,
                sent_remote: Arc::clone(&counter),
            };
            work(&mut comm)
        })
        .map_err(Error::Start)?;
    let first_worker = config.process * workers;
    let results = guards
        .join()
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            r.map_err(|reason| Error::Worker {
                worker: first_worker + i,
                reason,
            })
        })
        .collect::<Result<Vec<T>, Error>>()?;
    Ok(Outcome {
        results,
        bytes_sent_remote: sent.load(Ordering::Relaxed),
    })
}

/// timely's network threads panic when a peer's socket fails ("timely communication error:
/// reading data: socket closed") and the workers then wait forever or panic in turn. A process
/// that has lost a peer cannot finish, so it says which peer and exits at once.
fn exit_when_a_peer_is_lost(addresses: Vec<String>) {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(move || {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let thread = std::thread::current();
            let peer = thread
                .name()
                .and_then(|n| {
                    n.strip_prefix("timely:recv-")
                        .or(n.strip_prefix("timely:send-"))
                })
                .and_then(|n| n.parse::<usize>().ok());
            let Some(peer) = peer else {
                return previous(info);
            };
            let reason = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("connection failed");
            let address = addresses.get(peer).map_or("?", String::as_str);
            eprintln!(
                "claimcheck: error: lost process {peer} ({address}): {reason}; no reports written"
            );
            std::process::exit(EXIT_PEER_LOST);
        }));
    });
}

#[cfg(test)]
mod tests;
