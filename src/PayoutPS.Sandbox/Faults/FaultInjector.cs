using System;
using System.Collections.Generic;
using System.Threading;

namespace PayoutPS.Sandbox.Faults
{
    /// <summary>Decides, per provider call, which fault (if any) to inject. Rules are checked in the order added.</summary>
    internal sealed class FaultInjector
    {
        private readonly object _gate = new object();
        private readonly List<FaultRule> _rules = new List<FaultRule>();
        private int _held;

        /// <summary>Requests a delay fault holds right now, each until it is answered: what a test waits on instead of a guessed time.</summary>
        public int Held => Volatile.Read(ref _held);

        /// <summary>+1 when a delay fault starts holding a request, -1 once that request is answered.</summary>
        public void CountHeld(int change) => Interlocked.Add(ref _held, change);

        public void Add(FaultRule rule)
        {
            lock (_gate)
            {
                rule.Random = new Random(rule.Seed);
                _rules.Add(rule);
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _rules.Clear();
            }
        }

        public List<FaultRule> Rules()
        {
            lock (_gate)
            {
                return new List<FaultRule>(_rules);
            }
        }

        public FaultRule? Next(string path)
        {
            lock (_gate)
            {
                foreach (var rule in _rules)
                {
                    if (rule.Path != "*" && rule.Path != path)
                    {
                        continue;
                    }

                    if (rule.Count != null)
                    {
                        rule.Count--;
                        if (rule.Count == 0)
                        {
                            _rules.Remove(rule);
                        }

                        return rule;
                    }

                    if (rule.Random!.NextDouble() < rule.Probability)
                    {
                        return rule;
                    }
                }

                return null;
            }
        }
    }
}
