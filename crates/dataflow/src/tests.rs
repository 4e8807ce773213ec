use super::*;

fn local(workers: usize) -> Config {
    Config::from_args(&["-w".into(), workers.to_string()]).unwrap()
}

#[test]
fn exchange_routes_by_key_in_sender_order() {
    let out = execute(&local(3), |comm| {
        let me = comm.index();
        let got = comm.exchange((0..9).map(|i| (me, i)), |&(_, i)| i);
        (me, got)
    })
    .unwrap();
    for (me, got) in out.results {
        let expected: Vec<(usize, usize)> = (0..3)
            .flat_map(|from| (0..9).filter(|i| i % 3 == me).map(move |i| (from, i)))
            .collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn all_gather_and_gather() {
    let out = execute(&local(2), |comm| {
        let me = comm.index();
        let all = comm.all_gather(vec![me * 10, me * 10 + 1]);
        let at_zero = comm.gather(vec![me]);
        (all, at_zero)
    })
    .unwrap();
    assert_eq!(out.results[0].0, vec![0, 1, 10, 11]);
    assert_eq!(out.results[1].0, vec![0, 1, 10, 11]);
    assert_eq!(out.results[0].1, vec![0, 1]);
    assert!(out.results[1].1.is_empty());
}

#[test]
fn two_processes_on_loopback() {
    let [port, port1] = free_ports();
    let dir = std::env::temp_dir().join(format!("dataflow-hosts-{port}"));
    std::fs::write(&dir, format!("127.0.0.1:{port}\n127.0.0.1:{port1}\n")).unwrap();
    let hosts = dir.display().to_string();
    let run = move |p: usize| {
        let args: Vec<String> = ["-n", "2", "-p", &p.to_string(), "-h", &hosts]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let config = Config::from_args(&args).unwrap();
        execute(&config, |comm| {
            let me = comm.index();
            let got = comm.exchange(vec![1usize, 2, 3, 4], |&x| x);
            (me, got, comm.bytes_sent_remote())
        })
        .unwrap()
    };
    let run1 = run.clone();
    let other = std::thread::spawn(move || run1(1));
    let zero = run(0);
    let one = other.join().unwrap();
    assert_eq!(zero.results[0].1, vec![2, 4, 2, 4]);
    assert_eq!(one.results[0].1, vec![1, 3, 1, 3]);
    assert!(zero.bytes_sent_remote > 0);
    let _ = std::fs::remove_file(dir);
}

#[test]
fn a_missing_peer_is_named() {
    let [port, absent] = free_ports();
    let config = Config {
        workers: 1,
        process: 1,
        addresses: vec![format!("127.0.0.1:{}", absent), format!("127.0.0.1:{port}")],
        connect_timeout: Duration::from_millis(300),
    };
    let err = execute(&config, |_| ()).err().unwrap();
    let msg = err.to_string();
    assert!(msg.contains("process 0"), "{msg}");
    assert!(msg.contains(&format!("127.0.0.1:{}", absent)), "{msg}");
}

#[test]
fn bad_arguments_are_errors() {
    assert!(Config::from_args(&["-n".into(), "x".into()]).is_err());
    assert!(Config::from_args(&["-n".into(), "2".into(), "-p".into(), "5".into()]).is_err());
}

/// Two ports nobody listens on (bound at once so they differ, then released).
fn free_ports() -> [u16; 2] {
    let a = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let b = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    [
        a.local_addr().unwrap().port(),
        b.local_addr().unwrap().port(),
    ]
}
